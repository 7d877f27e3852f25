package io.xenpulse.probe.spool;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a spool directory back to a state appends can continue from after the previous probe process
 * stopped, cleanly or not: a segment file cut short while being created is removed, one that is not a
 * segment at all is set aside as {@code *.damaged}, and a torn record at the end of the newest segment (the
 * process or the node died mid-append) is cut off. Each is logged; none stops the probe.
 */
final class SpoolRecovery {

    private static final Logger LOG = LoggerFactory.getLogger(SpoolRecovery.class);

    private final Path dir;
    private final DropCounter drops;

    SpoolRecovery(Path dir, DropCounter drops) {
        this.dir = dir;
        this.drops = drops;
    }

    /** Fills {@code segments} with the usable segments, oldest first; there is always at least one. */
    void recover(TreeMap<Long, Segment> segments) throws IOException {
        final List<Long> ids = segmentIds();
        long highest = -1;
        for (long id : ids) {
            highest = id;
            final Segment segment = Segment.existing(dir, id);
            if (segment.hasMagic()) {
                segment.close();
                segments.put(id, segment);
            } else if (segment.size() < SegmentFormat.HEADER_BYTES) {
                LOG.warn("removing spool segment {}, cut short while it was being created", segment.path());
                segment.delete();
            } else {
                segment.close();
                final Path aside = segment.path().resolveSibling(segment.path().getFileName() + ".damaged");
                Files.move(segment.path(), aside);
                LOG.warn("spool segment {} is not a spool segment: moved aside to {}", segment.path(), aside);
                drops.dropped(1, "a damaged spool segment");
            }
        }
        if (segments.isEmpty()) {
            segments.put(highest + 1, Segment.create(dir, highest + 1));
            return;
        }
        final Segment newest = segments.lastEntry().getValue();
        final long validEnd = newest.validEnd();
        if (validEnd < newest.size()) {
            LOG.warn("spool segment {} ends in {} bytes of a torn or damaged record: cutting them off",
                    newest.path(), newest.size() - validEnd);
            newest.truncate(validEnd);
        }
    }

    private List<Long> segmentIds() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(Segment::idOf).filter(OptionalLong::isPresent).map(OptionalLong::getAsLong)
                    .sorted().toList();
        }
    }
}
