package io.xenpulse.probe.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** A libvirt test-driver node description with fifty running domains, for the real virsh. */
final class FiftyDomainNode {

    private FiftyDomainNode() {
    }

    static Path write(Path file) throws IOException {
        final StringBuilder xml = new StringBuilder("<node>\n");
        for (int i = 1; i <= 50; i++) {
            xml.append(String.format(Locale.ROOT, """
                      <domain type='test'>
                        <name>vm%02d</name>
                        <memory>524288</memory>
                        <os><type>hvm</type></os>
                      </domain>
                    """, i));
        }
        xml.append("</node>\n");
        return Files.writeString(file, xml);
    }
}
