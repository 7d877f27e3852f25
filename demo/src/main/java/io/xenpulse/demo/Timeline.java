package io.xenpulse.demo;

import io.xenpulse.schemas.command.CommandResult;
import io.xenpulse.schemas.command.RecoveryCommand;
import io.xenpulse.schemas.decision.Decision;
import io.xenpulse.schemas.observation.NodeObservation;
import io.xenpulse.schemas.topics.XenTopics;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Follows the pipeline's topics as an alerting consumer would (read_committed) and prints a readable
 * timeline: each node's observations summarised (printed only when the summary changes), every decision
 * with its rule and reason, every command and every result. It also keeps the results for the verdict.
 */
final class Timeline implements AutoCloseable {

    private final XenTopics topics;
    private final KafkaConsumer<String, byte[]> consumer;
    private final PrintStream out;
    private final Instant start;
    private final Map<String, String> lastSummary = new HashMap<>();
    private final List<CommandResult> results = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    Timeline(XenTopics topics, String bootstrap, PrintStream out, Instant start) {
        this.topics = topics;
        this.out = out;
        this.start = start;
        final Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "xenpulse-demo-timeline-" + UUID.randomUUID());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        this.consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(topics.observations().name(), topics.decisions().name(),
                topics.commands().name(), topics.commandResults().name()));
        this.thread = new Thread(this::run, "demo-timeline");
    }

    void start() {
        thread.start();
    }

    List<CommandResult> results() {
        return new ArrayList<>(results);
    }

    /**
     * Waits until no new command result has arrived for {@code quiet} (at most {@code limit}), so a verdict
     * counts the results of actions the simulator already shows done.
     */
    void awaitQuiet(Duration quiet, Duration limit) throws InterruptedException {
        final long deadline = System.nanoTime() + limit.toNanos();
        int seen = results.size();
        long quietSince = System.nanoTime();
        while (System.nanoTime() < deadline && System.nanoTime() - quietSince < quiet.toNanos()) {
            Thread.sleep(100);
            if (results.size() != seen) {
                seen = results.size();
                quietSince = System.nanoTime();
            }
        }
    }

    private void run() {
        try {
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    print(record);
                }
            }
        } catch (WakeupException e) {
            // closing
        }
    }

    private void print(ConsumerRecord<String, byte[]> record) {
        final String topic = record.topic();
        if (topic.equals(topics.observations().name())) {
            summarise(topics.observations().valueSerde().deserializer().deserialize(topic, record.value()));
        } else if (topic.equals(topics.decisions().name())) {
            final Decision d = topics.decisions().valueSerde().deserializer().deserialize(topic, record.value());
            line(d.getDecidedAt(), d.getNode(), "decision", d.getRule() + (d.getVm() == null ? "" : " " + d.getVm())
                    + " [" + d.getAction() + "] " + d.getReason());
        } else if (topic.equals(topics.commands().name())) {
            final RecoveryCommand c = topics.commands().valueSerde().deserializer().deserialize(topic, record.value());
            line(c.getIssuedAt(), c.getTargetNode(), "command", c.getKind() + (c.getVm() == null ? "" : " " + c.getVm())
                    + (c.getSourceNode() == null ? "" : " from " + c.getSourceNode()) + "  id=" + c.getCommandId());
        } else {
            final CommandResult r = topics.commandResults().valueSerde().deserializer().deserialize(topic, record.value());
            results.add(r);
            line(r.getFinishedAt(), r.getTargetNode(), "result", r.getKind() + (r.getVm() == null ? "" : " " + r.getVm())
                    + " -> " + r.getStatus() + (r.getPowerVerifiedOff() ? " (power OFF verified)" : "")
                    + (r.getDetail().isEmpty() ? "" : ": " + r.getDetail()));
        }
    }

    private void summarise(NodeObservation o) {
        final String xend = o.getDaemons().stream().filter(d -> d.getDaemon().equals("xend")).findFirst()
                .map(d -> "xend " + d.getProcess() + "/" + d.getControl()).orElse("xend ?");
        final StringBuilder summary = new StringBuilder(xend);
        o.getDaemons().stream().filter(d -> !d.getDaemon().equals("xend"))
                .forEach(d -> summary.append(", ").append(d.getDaemon()).append(' ').append(d.getProcess()));
        o.getListings().forEach(l -> summary.append(", ").append(l.getSource().name().toLowerCase(Locale.ROOT))
                .append(" list ").append(l.getStatus())
                .append(l.getStatus().name().equals("OK") ? " (" + l.getDomains().stream().filter(d -> !d.getName().equals("Domain-0")).count() + " VMs)" : ""));
        if (!summary.toString().equals(lastSummary.put(o.getNode(), summary.toString()))) {
            line(o.getObservedAt(), o.getNode(), "observed", summary + "  seq=" + o.getSequence());
        }
    }

    private void line(Instant at, String node, String what, String text) {
        final double seconds = Duration.between(start, at).toMillis() / 1000.0;
        out.printf(Locale.ROOT, "%+8.1fs  %-6s %-9s %s%n", seconds, node == null ? "-" : node, what, text);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(5_000);
        consumer.close();
    }
}
