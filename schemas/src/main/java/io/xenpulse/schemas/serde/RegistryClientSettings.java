package io.xenpulse.schemas.serde;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.ConfigException;

/**
 * How to reach a schema registry, read from the same keys Confluent's serdes use so one configuration
 * serves both ours and theirs.
 *
 * <ul>
 *   <li>{@code schema.registry.url} (required): base URL, or a comma-separated list tried in order when one
 *       is unreachable; {@code mock://<scope>} selects an in-memory registry for unit tests. Credentials
 *       in the URL ({@code http://user:pw@host}) are used for basic auth and removed from the URL.</li>
 *   <li>{@code basic.auth.user.info} (optional): {@code user:password} for HTTP basic auth.</li>
 *   <li>{@code http.connect.timeout.ms} (default 5000), {@code http.read.timeout.ms} (default 10000).</li>
 * </ul>
 *
 * @param urls base URLs without credentials or trailing slash
 * @param userInfo {@code user:password}, never shown by {@link #toString()}
 */
public record RegistryClientSettings(
        List<String> urls, Optional<String> userInfo, Duration connectTimeout, Duration requestTimeout) {

    public static final String URL = "schema.registry.url";
    public static final String USER_INFO = "basic.auth.user.info";
    public static final String CONNECT_TIMEOUT_MS = "http.connect.timeout.ms";
    public static final String READ_TIMEOUT_MS = "http.read.timeout.ms";

    private static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);

    public RegistryClientSettings {
        urls = List.copyOf(urls);
        if (urls.isEmpty()) {
            throw new ConfigException(URL, "", "at least one schema registry URL is required");
        }
    }

    /** The first URL, e.g. {@code mock://scope} or {@code http://registry:8081/apis/ccompat/v7}. */
    public String url() {
        return urls.get(0);
    }

    public static RegistryClientSettings fromConfig(Map<String, ?> config) {
        final Object rawUrl = config.get(URL);
        if (rawUrl == null || rawUrl.toString().isBlank()) {
            throw new ConfigException("missing required setting " + URL + " (the schema registry base URL)");
        }
        Optional<String> userInfo = Optional.ofNullable(config.get(USER_INFO))
                .map(Object::toString).filter(s -> !s.isBlank());
        final List<String> urls = new ArrayList<>();
        for (String part : rawUrl.toString().split(",")) {
            final String trimmed = part.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            final Optional<String> urlUserInfo = userInfoOf(trimmed);
            if (userInfo.isEmpty()) {
                userInfo = urlUserInfo;
            }
            urls.add(withoutUserInfo(trimmed, urlUserInfo));
        }
        return new RegistryClientSettings(urls, userInfo,
                millis(config, CONNECT_TIMEOUT_MS, DEFAULT_CONNECT_TIMEOUT),
                millis(config, READ_TIMEOUT_MS, DEFAULT_REQUEST_TIMEOUT));
    }

    private static Optional<String> userInfoOf(String url) {
        if (url.startsWith(SchemaRegistryClient.MOCK_SCHEME)) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(URI.create(url).getRawUserInfo());
        } catch (IllegalArgumentException e) {
            // The message may echo the URL, credentials included, so it is not passed on.
            throw new ConfigException(URL, "[hidden]", "not a valid URL");
        }
    }

    private static String withoutUserInfo(String url, Optional<String> userInfo) {
        String clean = userInfo.map(info -> url.replace(info + "@", "")).orElse(url);
        while (clean.endsWith("/")) {
            clean = clean.substring(0, clean.length() - 1);
        }
        return clean;
    }

    private static Duration millis(Map<String, ?> config, String key, Duration fallback) {
        final Object value = config.get(key);
        if (value == null || value.toString().isBlank()) {
            return fallback;
        }
        try {
            final long millis = Long.parseLong(value.toString().trim());
            if (millis <= 0) {
                throw new ConfigException(key, value, "must be a positive number of milliseconds");
            }
            return Duration.ofMillis(millis);
        } catch (NumberFormatException e) {
            throw new ConfigException(key, value, "must be a number of milliseconds");
        }
    }

    @Override
    public String toString() {
        return "RegistryClientSettings{urls=" + urls + ", basicAuth=" + (userInfo.isPresent() ? "[hidden]" : "none")
                + ", connectTimeout=" + connectTimeout + ", requestTimeout=" + requestTimeout + "}";
    }
}
