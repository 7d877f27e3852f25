package io.xenpulse.localstack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import org.apache.kafka.common.Uuid;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Formats a single-node KRaft log directory once and reuses it afterwards. The cluster id lives in the
 * directory's {@code meta.properties}; formatting an already-formatted directory with a new cluster id would
 * fail, so a formatted directory is never formatted again.
 */
final class KraftStorage {

    private static final Logger LOG = LoggerFactory.getLogger(KraftStorage.class);
    private static final String META_PROPERTIES = "meta.properties";

    private KraftStorage() {
    }

    /**
     * Returns the cluster id of {@code logDir}, formatting the directory first when it has never been
     * formatted.
     */
    static String formatIfNeeded(Path logDir, int nodeId, String controllerListenerName) {
        final Path meta = logDir.resolve(META_PROPERTIES);
        if (Files.exists(meta)) {
            final String clusterId = readClusterId(meta);
            LOG.debug("Reusing formatted log dir {} (cluster id {})", logDir, clusterId);
            return clusterId;
        }
        final String clusterId = Uuid.randomUuid().toString();
        final ByteArrayOutputStream formatterOutput = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(formatterOutput, true, StandardCharsets.UTF_8)) {
            Files.createDirectories(logDir);
            new Formatter()
                    .setPrintStream(out)
                    .setNodeId(nodeId)
                    .setClusterId(clusterId)
                    .setDirectories(List.of(logDir.toString()))
                    .setMetadataLogDirectory(logDir.toString())
                    .setControllerListenerName(controllerListenerName)
                    .setReleaseVersion(MetadataVersion.latestProduction())
                    // Static voters (controller.quorum.voters) rather than a dynamic quorum: one node only.
                    .setHasDynamicQuorum(false)
                    .setWriteBootstrapSnapshot(true)
                    .run();
        } catch (Exception e) {
            throw new LocalStackException("could not format Kafka log dir " + logDir + ": " + e.getMessage(), e);
        }
        LOG.info("Formatted Kafka log dir {} with cluster id {}", logDir, clusterId);
        LOG.debug("Formatter said: {}", formatterOutput.toString(StandardCharsets.UTF_8).trim());
        return clusterId;
    }

    private static String readClusterId(Path meta) {
        final Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(meta)) {
            properties.load(in);
        } catch (IOException e) {
            throw new LocalStackException("could not read " + meta + ": " + e.getMessage(), e);
        }
        final String clusterId = properties.getProperty("cluster.id");
        if (clusterId == null || clusterId.isBlank()) {
            throw new LocalStackException(meta + " has no cluster.id; delete the directory to start afresh");
        }
        return clusterId;
    }
}
