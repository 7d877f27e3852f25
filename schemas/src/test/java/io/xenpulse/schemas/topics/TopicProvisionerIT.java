package io.xenpulse.schemas.topics;

import static org.assertj.core.api.Assertions.assertThat;

import io.xenpulse.testkit.SharedStack;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

class TopicProvisionerIT {

    private final SharedStack stack = SharedStack.get();

    @Test
    void shouldCreateEveryTopicWithCompactedInventoryAndBeIdempotent(TestInfo test) throws Exception {
        // given
        final String prefix = stack.uniquePrefix(test.getDisplayName());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()))) {
            final TopicProvisioner provisioner =
                    new TopicProvisioner(admin, 3, (short) 1, Duration.ofDays(2), Duration.ofSeconds(30));

            // when
            final List<String> created = provisioner.provision(prefix);
            final List<String> createdAgain = provisioner.provision(prefix);

            // then
            assertThat(created).containsExactlyInAnyOrderElementsOf(XenTopics.namesFor(prefix));
            assertThat(createdAgain).isEmpty();
            final Config inventory = topicConfig(admin, prefix + XenTopics.INVENTORY);
            assertThat(inventory.get(TopicConfig.CLEANUP_POLICY_CONFIG).value())
                    .isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
            final Config observations = topicConfig(admin, prefix + XenTopics.OBSERVATIONS);
            assertThat(observations.get(TopicConfig.CLEANUP_POLICY_CONFIG).value())
                    .isEqualTo(TopicConfig.CLEANUP_POLICY_DELETE);
            assertThat(observations.get(TopicConfig.RETENTION_MS_CONFIG).value())
                    .isEqualTo(Long.toString(Duration.ofDays(2).toMillis()));
            assertThat(admin.describeTopics(List.of(prefix + XenTopics.COMMANDS)).allTopicNames()
                    .get(30, TimeUnit.SECONDS).get(prefix + XenTopics.COMMANDS).partitions()).hasSize(3);
        }
    }

    private static Config topicConfig(Admin admin, String topic) throws Exception {
        final ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        return admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS).get(resource);
    }
}
