package io.xenpulse.probe.delivery;

import io.xenpulse.probe.spool.SpoolLimits;
import io.xenpulse.schemas.config.Settings;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a probe delivers its observations: where it spools them, how much it keeps while Kafka is unreachable,
 * how long it tries to deliver the rest when it stops, and when a late observation counts as history.
 * <ul>
 *   <li>{@code XENPULSE_SPOOL_DIR}: the probe's own spool directory, e.g. {@code /var/lib/xenpulse/spool}
 *       (the systemd unit sets it). When unset, a fresh temporary directory removed at shutdown: what is
 *       still undelivered then is lost, which suits embedded probes (the demo, tests), not a Xen node.</li>
 *   <li>{@code XENPULSE_SPOOL_MAX_BYTES} (default {@code 256MiB}): bytes, or with {@code KiB}, {@code MiB},
 *       {@code GiB} (also written {@code K}, {@code KB}, {@code M}, {@code MB}, ...; always powers of 1024);
 *       at least 1 MiB</li>
 *   <li>{@code XENPULSE_SPOOL_MAX_AGE} (default {@code 24h})</li>
 *   <li>{@code XENPULSE_SPOOL_FLUSH_TIMEOUT} (default {@code 10s}): how long a stopping probe keeps delivering;
 *       the rest stays on disk for the next start</li>
 *   <li>{@code XENPULSE_REPLAY_AFTER} (default twice the probe interval, at least {@code 2s}): an observation
 *       not delivered within this time of being observed is delivered marked replayed</li>
 * </ul>
 */
public record DeliverySettings(Optional<Path> spoolDir, SpoolLimits limits, Duration flushTimeout,
        ReplayWindow replayWindow) {

    public static final String SPOOL_DIR = "XENPULSE_SPOOL_DIR";
    public static final String SPOOL_MAX_BYTES = "XENPULSE_SPOOL_MAX_BYTES";
    public static final String SPOOL_MAX_AGE = "XENPULSE_SPOOL_MAX_AGE";
    public static final String SPOOL_FLUSH_TIMEOUT = "XENPULSE_SPOOL_FLUSH_TIMEOUT";
    public static final String REPLAY_AFTER = "XENPULSE_REPLAY_AFTER";
    public static final Duration DEFAULT_FLUSH_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration MIN_DEFAULT_REPLAY_AFTER = Duration.ofSeconds(2);
    private static final long MIN_MAX_BYTES = 1024L * 1024;
    private static final Pattern SIZE = Pattern.compile("(\\d{1,18})\\s*(|b|k|kb|kib|m|mb|mib|g|gb|gib)");

    public DeliverySettings {
        Objects.requireNonNull(spoolDir, "spoolDir");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(replayWindow, "replayWindow");
        if (flushTimeout.isNegative()) {
            throw new IllegalArgumentException(SPOOL_FLUSH_TIMEOUT + " must not be negative: " + flushTimeout);
        }
    }

    /** The defaults for a probe running every {@code interval}, spooling to a temporary directory. */
    public static DeliverySettings defaults(Duration interval) {
        return new DeliverySettings(Optional.empty(), SpoolLimits.defaults(), DEFAULT_FLUSH_TIMEOUT,
                new ReplayWindow(defaultReplayAfter(interval)));
    }

    /**
     * Reads the settings, adding a message to {@code problems} for each invalid one.
     *
     * @return the settings, or null when {@code problems} grew
     */
    public static DeliverySettings fromMap(Map<String, String> env, Duration interval, List<String> problems) {
        final int before = problems.size();
        final Settings settings = new Settings(env);
        final Optional<Path> dir = attempt(problems, () -> spoolDir(settings.string(SPOOL_DIR, "")))
                .orElse(Optional.empty());
        final long maxBytes = attempt(problems, () -> parseBytes(settings.string(SPOOL_MAX_BYTES, "")))
                .orElse(SpoolLimits.DEFAULT_MAX_BYTES);
        final Duration maxAge = attempt(problems, () -> positive(settings, SPOOL_MAX_AGE, SpoolLimits.DEFAULT_MAX_AGE))
                .orElse(SpoolLimits.DEFAULT_MAX_AGE);
        final Duration flush = attempt(problems, () -> settings.duration(SPOOL_FLUSH_TIMEOUT, DEFAULT_FLUSH_TIMEOUT))
                .orElse(DEFAULT_FLUSH_TIMEOUT);
        final ReplayWindow window = attempt(problems, () -> replayWindow(settings, interval)).orElse(null);
        if (problems.size() > before) {
            return null;
        }
        return new DeliverySettings(dir, SpoolLimits.of(maxBytes, maxAge), flush, window);
    }

    static Duration defaultReplayAfter(Duration interval) {
        final Duration twice = interval.multipliedBy(2);
        return twice.compareTo(MIN_DEFAULT_REPLAY_AFTER) < 0 ? MIN_DEFAULT_REPLAY_AFTER : twice;
    }

    /** Parses {@code 268435456}, {@code 256MiB}, {@code 256 MB}, {@code 1g}; blank means 256 MiB. */
    static long parseBytes(String text) {
        final String value = text.trim().toLowerCase(Locale.ROOT);
        if (value.isEmpty()) {
            return SpoolLimits.DEFAULT_MAX_BYTES;
        }
        final Matcher matcher = SIZE.matcher(value);
        if (!matcher.matches()) {
            throw new IllegalArgumentException(SPOOL_MAX_BYTES + " must be a size such as 268435456, 256MiB or"
                    + " 1GiB, got '" + text + "'");
        }
        final int shift = switch (matcher.group(2)) {
            case "k", "kb", "kib" -> 10;
            case "m", "mb", "mib" -> 20;
            case "g", "gb", "gib" -> 30;
            default -> 0;
        };
        final long amount = Long.parseLong(matcher.group(1));
        if (amount > (Long.MAX_VALUE >> shift) || (amount << shift) < MIN_MAX_BYTES) {
            throw new IllegalArgumentException(SPOOL_MAX_BYTES + " must be at least 1MiB and fit in 63 bits, got '"
                    + text + "'");
        }
        return amount << shift;
    }

    private static Optional<Path> spoolDir(String value) {
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(value));
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException(SPOOL_DIR + " is not a path: '" + value + "'", e);
        }
    }

    private static Duration positive(Settings settings, String key, Duration fallback) {
        final Duration value = settings.duration(key, fallback);
        if (value.isZero()) {
            throw new IllegalArgumentException(key + " must be positive");
        }
        return value;
    }

    private static ReplayWindow replayWindow(Settings settings, Duration interval) {
        final Duration replayAfter = settings.duration(REPLAY_AFTER, defaultReplayAfter(interval));
        try {
            return new ReplayWindow(replayAfter);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(REPLAY_AFTER + ": " + e.getMessage(), e);
        }
    }

    private static <T> Optional<T> attempt(List<String> problems, Supplier<T> parse) {
        try {
            return Optional.ofNullable(parse.get());
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
            return Optional.empty();
        }
    }
}
