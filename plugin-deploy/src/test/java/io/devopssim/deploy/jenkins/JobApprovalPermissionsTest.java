package io.devopssim.deploy.jenkins;

import hudson.model.Item;
import hudson.security.ACL;
import hudson.security.AccessControlled;
import hudson.security.Permission;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Approval follows the input step: Job/Build to proceed; Job/Cancel or Job/Build to abort. */
class JobApprovalPermissionsTest {
    private final AccessControlled job = new AccessControlled() {
        @Override
        public ACL getACL() {
            return null;
        }
    };
    private final List<List<Permission>> asked = new ArrayList<>();

    /** Plays Jenkins' checkAnyPermission for a user holding {@code granted}. */
    private JobApprovalPermissions user(Set<Permission> granted) {
        return new JobApprovalPermissions(() -> job, (target, anyOf) -> {
            assertThat(target).isSameAs(job);
            asked.add(List.of(anyOf));
            if (List.of(anyOf).stream().noneMatch(granted::contains)) {
                throw new AccessDeniedException("alice is missing the " + anyOf[0] + " permission");
            }
        }, () -> "alice");
    }

    @Test
    @DisplayName("approving asks for Job/Build on the build's job, and nothing else")
    void shouldNeedBuildToApprove() {
        user(Set.of(Item.BUILD)).checkApprove();
        assertThat(asked).hasSize(1);
        assertThat(asked.get(0)).singleElement().isSameAs(Item.BUILD);

        assertThatThrownBy(() -> user(Set.of(Item.CANCEL, Item.READ)).checkApprove()).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    @DisplayName("aborting asks for Job/Cancel or Job/Build")
    void shouldNeedCancelOrBuildToAbort() {
        user(Set.of(Item.CANCEL)).checkAbort();
        user(Set.of(Item.BUILD)).checkAbort();
        assertThat(asked.get(0)).containsExactly(Item.CANCEL, Item.BUILD);

        assertThatThrownBy(() -> user(Set.of(Item.READ)).checkAbort()).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    @DisplayName("a refused approval from the build page is Jenkins' AccessDeniedException (a 403), not an answer page")
    void shouldLetTheRefusalThroughTheHttpMethod() {
        RolloutApprovalAction action = new RolloutApprovalAction();
        action.bind(() -> null, user(Set.of(Item.READ)), () -> {
            throw new AssertionError("nothing is read or woken before the permission check");
        });

        assertThatThrownBy(() -> action.doApprove("any")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> action.doAbort("any")).isInstanceOf(AccessDeniedException.class);
        assertThat(user(Set.of()).currentUser()).isEqualTo("alice");
    }
}
