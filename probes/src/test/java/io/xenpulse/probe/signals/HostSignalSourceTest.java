package io.xenpulse.probe.signals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.xenpulse.probe.NodeSignals;
import io.xenpulse.schemas.observation.ListingResult;
import io.xenpulse.schemas.observation.ListingSource;
import io.xenpulse.schemas.observation.SourceStatus;
import io.xenpulse.schemas.observation.Toolstack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostSignalSourceTest {

    @TempDir
    Path dir;

    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger hungStarts = new AtomicInteger();
    private HostSignalSource source;

    @AfterEach
    void releaseHungCheck() {
        release.countDown();
        source.close();
    }

    @Test
    void shouldReportAHungListingWithoutDelayingTheOthers() throws Exception {
        // given
        source = new HostSignalSource(List.of(), List.of(hungXm(), answering(ListingSource.XL)), Toolstack.XM,
                Optional.empty(), bootId(), Duration.ofMillis(300));
        // when
        final NodeSignals signals = source.read().orElseThrow();
        // then
        assertThat(signals.listings()).extracting(ListingResult::getSource, ListingResult::getStatus)
                .containsExactly(tuple(ListingSource.XM, SourceStatus.HUNG),
                        tuple(ListingSource.XL, SourceStatus.OK));
    }

    @Test
    void shouldNotStartAHungCheckAgainWhileItIsStillRunning() throws Exception {
        source = new HostSignalSource(List.of(), List.of(hungXm()), Toolstack.XM, Optional.empty(), bootId(),
                Duration.ofMillis(100));
        source.read();
        source.read();
        source.read();
        assertThat(hungStarts).hasValue(1);
    }

    @Test
    void shouldReportABrokenListingAsParseErrorAndKeepTheRest() throws Exception {
        final ListingProbe broken = new ListingProbe() {
            public ListingSource source() {
                return ListingSource.XENSTORE;
            }

            public ListingResult list() {
                throw new IllegalStateException("parser bug");
            }
        };
        source = new HostSignalSource(List.of(), List.of(broken, answering(ListingSource.XL)), Toolstack.XL,
                Optional.empty(), bootId(), Duration.ofSeconds(5));
        final NodeSignals signals = source.read().orElseThrow();
        assertThat(signals.listings()).extracting(ListingResult::getStatus)
                .containsExactly(SourceStatus.PARSE_ERROR, SourceStatus.OK);
        assertThat(signals.listings().get(0).getDetail()).contains("parser bug");
    }

    private BootId bootId() throws Exception {
        final Path file = dir.resolve("boot_id");
        Files.writeString(file, "3f1c0a3e-1111-2222-3333-444455556666\n");
        return new BootId(file);
    }

    private ListingProbe hungXm() {
        return new ListingProbe() {
            public ListingSource source() {
                return ListingSource.XM;
            }

            public ListingResult list() {
                hungStarts.incrementAndGet();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return ListingResult.newBuilder().setSource(ListingSource.XM).setStatus(SourceStatus.OK).build();
            }
        };
    }

    private static ListingProbe answering(ListingSource which) {
        return new ListingProbe() {
            public ListingSource source() {
                return which;
            }

            public ListingResult list() {
                return ListingResult.newBuilder().setSource(which).setStatus(SourceStatus.OK).build();
            }
        };
    }
}
