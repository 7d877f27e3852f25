package io.xenpulse.probe.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JVM options and environment of the shipped systemd unit ({@code probes/dist/xenpulse-probe.service}),
 * read from the unit itself so the benchmark always measures what operators install.
 *
 * @param jvmOptions the options between the java binary and {@code -jar} in {@code ExecStart=}
 * @param environment the unit's {@code Environment=NAME=value} settings
 */
record ShippedUnit(List<String> jvmOptions, Map<String, String> environment) {

    static final Path UNIT = Path.of("probes/dist/xenpulse-probe.service");

    static ShippedUnit read(Path unit) throws IOException {
        // systemd joins a line ending in a backslash with the next one
        final String joined = Files.readString(unit).replace("\\\n", " ");
        List<String> jvmOptions = null;
        final Map<String, String> environment = new LinkedHashMap<>();
        for (String line : joined.split("\n")) {
            if (line.startsWith("ExecStart=")) {
                final List<String> words = Arrays.asList(line.substring("ExecStart=".length()).trim().split("\\s+"));
                jvmOptions = List.copyOf(words.subList(1, words.indexOf("-jar")));
            } else if (line.startsWith("Environment=")) {
                final String setting = line.substring("Environment=".length()).trim();
                final int equals = setting.indexOf('=');
                environment.put(setting.substring(0, equals), setting.substring(equals + 1));
            }
        }
        if (jvmOptions == null) {
            throw new IllegalStateException(unit + " has no ExecStart= line");
        }
        return new ShippedUnit(jvmOptions, environment);
    }
}
