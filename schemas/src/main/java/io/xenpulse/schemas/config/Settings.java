package io.xenpulse.schemas.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Typed reading of environment-style settings with defaults and errors that name the key. Durations take
 * the forms operators write: {@code 500ms}, {@code 5s}, {@code 2m}, {@code 1h}, or ISO-8601 ({@code PT5S}).
 */
public final class Settings {

    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h)");

    private final Map<String, String> env;

    public Settings(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    public Map<String, String> asMap() {
        return env;
    }

    public String string(String key, String fallback) {
        final String value = env.get(key);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    public String required(String key) {
        final String value = env.get(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing required setting " + key);
        }
        return value.trim();
    }

    public int integer(String key, int fallback) {
        final String value = string(key, null);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, got '" + value + "'", e);
        }
    }

    public Duration duration(String key, Duration fallback) {
        final String value = string(key, null);
        return value == null ? fallback : parseDuration(key, value);
    }

    /** Parses {@code 500ms}, {@code 5s}, {@code 2m}, {@code 1h} or ISO-8601; never negative. */
    public static Duration parseDuration(String key, String text) {
        final String trimmed = text.trim().toLowerCase(Locale.ROOT);
        final Matcher match = SHORT_DURATION.matcher(trimmed);
        final Duration parsed;
        if (match.matches()) {
            final long amount = Long.parseLong(match.group(1));
            parsed = switch (match.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            };
        } else {
            try {
                parsed = Duration.parse(trimmed.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(key + " must be a duration such as 500ms, 5s, 2m or PT5S, got '"
                        + text + "'", e);
            }
        }
        if (parsed.isNegative()) {
            throw new IllegalArgumentException(key + " must not be negative, got '" + text + "'");
        }
        return parsed;
    }
}
