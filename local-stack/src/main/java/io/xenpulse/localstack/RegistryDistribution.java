package io.xenpulse.localstack;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the unpacked Apicurio Registry distribution (a directory holding {@code quarkus-run.jar}).
 *
 * <p>Order: the configured home; system property {@code xenpulse.registry.home}; env
 * {@code XENPULSE_REGISTRY_HOME}; {@code local-stack/target/apicurio-registry} under the working directory
 * or any parent; else the {@code all} tar.gz in the local Maven repository is extracted (with {@code tar})
 * into {@code ~/.cache/xenpulse/apicurio-registry-<version>}.
 */
final class RegistryDistribution {

    static final String VERSION = "3.3.3";
    static final String HOME_PROPERTY = "xenpulse.registry.home";
    static final String HOME_ENV = "XENPULSE_REGISTRY_HOME";
    static final String LAUNCHER = "quarkus-run.jar";

    private static final Logger LOG = LoggerFactory.getLogger(RegistryDistribution.class);
    private static final Path BUILD_OUTPUT = Path.of("local-stack", "target", "apicurio-registry");
    private static final long EXTRACT_TIMEOUT_SECONDS = 300;

    private final Map<String, String> env;
    private final Optional<String> homeProperty;
    private final Path workingDir;
    private final Path mavenRepository;
    private final Path cacheDir;

    RegistryDistribution(Map<String, String> env, Optional<String> homeProperty, Path workingDir,
            Path mavenRepository, Path cacheDir) {
        this.env = env;
        this.homeProperty = homeProperty;
        this.workingDir = workingDir.toAbsolutePath();
        this.mavenRepository = mavenRepository;
        this.cacheDir = cacheDir;
    }

    static RegistryDistribution ofThisMachine() {
        final Path userHome = Path.of(System.getProperty("user.home"));
        final Path repository = Optional.ofNullable(System.getProperty("maven.repo.local"))
                .map(Path::of).orElse(userHome.resolve(".m2").resolve("repository"));
        return new RegistryDistribution(System.getenv(), Optional.ofNullable(System.getProperty(HOME_PROPERTY)),
                Path.of(""), repository, userHome.resolve(".cache").resolve("xenpulse"));
    }

    /** @throws LocalStackException naming every place tried when none holds the distribution */
    Path locate(Optional<Path> configuredHome) {
        final List<String> tried = new ArrayList<>();
        final List<Path> candidates = new ArrayList<>();
        configuredHome.ifPresent(candidates::add);
        homeProperty.filter(value -> !value.isBlank()).map(Path::of).ifPresent(candidates::add);
        Optional.ofNullable(env.get(HOME_ENV)).filter(value -> !value.isBlank()).map(Path::of)
                .ifPresent(candidates::add);
        for (Path dir = workingDir; dir != null; dir = dir.getParent()) {
            candidates.add(dir.resolve(BUILD_OUTPUT));
        }
        final Path cached = cacheDir.resolve("apicurio-registry-" + VERSION);
        candidates.add(cached);
        for (Path candidate : candidates) {
            if (isDistribution(candidate)) {
                return candidate.toAbsolutePath();
            }
            tried.add(candidate.toString());
        }
        final Path archive = archive();
        if (Files.isRegularFile(archive)) {
            return extract(archive, cached);
        }
        tried.add(archive + " (archive to extract)");
        throw new LocalStackException("Apicurio Registry " + VERSION + " distribution not found; tried: "
                + String.join("; ", tried) + ". Build local-stack (./mvnw install -pl local-stack) or set "
                + HOME_ENV + " to a directory holding " + LAUNCHER + ".");
    }

    static boolean isDistribution(Path dir) {
        return Files.isRegularFile(dir.resolve(LAUNCHER));
    }

    Path archive() {
        return mavenRepository.resolve(Path.of("io", "apicurio", "apicurio-registry-app", VERSION,
                "apicurio-registry-app-" + VERSION + "-all.tar.gz"));
    }

    /** Extracts into a sibling temporary directory, then renames, so a half-extracted tree is never used. */
    private Path extract(Path archive, Path target) {
        LOG.info("Extracting Apicurio Registry {} from {} into {}", VERSION, archive, target);
        try {
            Files.createDirectories(target.getParent());
            final Path staging = Files.createTempDirectory(target.getParent(), target.getFileName() + ".tmp");
            final Path output = staging.resolveSibling(staging.getFileName() + ".log");
            final Process tar = new ProcessBuilder(List.of("tar", "-xzf", archive.toString(), "-C",
                    staging.toString())).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            if (!tar.waitFor(EXTRACT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                tar.destroyForcibly();
                throw new LocalStackException("tar did not finish extracting " + archive + " within "
                        + EXTRACT_TIMEOUT_SECONDS + " s");
            }
            if (tar.exitValue() != 0 || !isDistribution(staging)) {
                throw new LocalStackException("could not extract " + archive + " (tar exit " + tar.exitValue()
                        + "): " + Files.readString(output).trim());
            }
            Files.deleteIfExists(output);
            moveIntoPlace(staging, target);
            return target.toAbsolutePath();
        } catch (IOException e) {
            throw new LocalStackException("could not extract " + archive + " into " + target + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalStackException("interrupted while extracting " + archive, e);
        }
    }

    private static void moveIntoPlace(Path staging, Path target) throws IOException {
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
            // Another JVM extracted it at the same time; use theirs when complete.
            if (!isDistribution(target)) {
                throw e;
            }
            LOG.debug("Distribution appeared concurrently at {}; leaving {} behind", target, staging);
        } catch (IOException e) {
            if (!isDistribution(target)) {
                throw e;
            }
        }
    }
}
