package io.xenpulse.probe.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xenpulse.schemas.observation.DaemonCheck;
import io.xenpulse.schemas.observation.DomainEntry;
import io.xenpulse.schemas.observation.ListingResult;
import io.xenpulse.schemas.observation.NodeObservation;
import io.xenpulse.schemas.observation.PeerCheck;

/**
 * Renders an observation as the JSON an operator reads on a node ({@code xenpulse probe --once --print}):
 * plain field names, ISO-8601 time, the toolstack found, every source with its status, latency and message,
 * every domain.
 */
public final class ObservationJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ObservationJson() {
    }

    public static String render(NodeObservation observation) {
        final ObjectNode root = MAPPER.createObjectNode();
        root.put("cluster", observation.getCluster());
        root.put("node", observation.getNode());
        root.put("bootId", observation.getBootId());
        root.put("sequence", observation.getSequence());
        root.put("observedAt", observation.getObservedAt().toString());
        root.put("replayed", observation.getReplayed());
        root.put("toolstack", observation.getToolstack().name());
        final ArrayNode daemons = root.putArray("daemons");
        observation.getDaemons().forEach(d -> daemons.add(daemon(d)));
        final ArrayNode listings = root.putArray("listings");
        observation.getListings().forEach(l -> listings.add(listing(l)));
        final ArrayNode peers = root.putArray("peers");
        observation.getPeers().forEach(p -> peers.add(peer(p)));
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render an observation as JSON", e);
        }
    }

    private static ObjectNode daemon(DaemonCheck check) {
        final ObjectNode node = MAPPER.createObjectNode();
        node.put("daemon", check.getDaemon());
        node.put("process", check.getProcess().name());
        node.put("control", check.getControl().name());
        node.put("latencyMillis", check.getLatencyMillis());
        node.put("detail", check.getDetail());
        return node;
    }

    private static ObjectNode listing(ListingResult listing) {
        final ObjectNode node = MAPPER.createObjectNode();
        node.put("source", listing.getSource().name());
        node.put("status", listing.getStatus().name());
        node.put("latencyMillis", listing.getLatencyMillis());
        node.put("detail", listing.getDetail());
        final ArrayNode domains = node.putArray("domains");
        listing.getDomains().forEach(d -> domains.add(domain(d)));
        return node;
    }

    private static ObjectNode domain(DomainEntry entry) {
        final ObjectNode node = MAPPER.createObjectNode();
        node.put("name", entry.getName());
        node.put("state", entry.getState().name());
        if (entry.getDomainId() != null) {
            node.put("id", entry.getDomainId());
        }
        node.put("migrating", entry.getMigrating());
        return node;
    }

    private static ObjectNode peer(PeerCheck check) {
        final ObjectNode node = MAPPER.createObjectNode();
        node.put("peer", check.getPeer());
        node.put("address", check.getAddress());
        node.put("status", check.getStatus().name());
        node.put("latencyMillis", check.getLatencyMillis());
        return node;
    }
}
