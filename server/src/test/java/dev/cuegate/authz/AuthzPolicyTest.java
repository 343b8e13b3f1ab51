package dev.cuegate.authz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cuegate.auth.Principal;
import dev.cuegate.contract.ApiMethod;
import dev.cuegate.contract.MethodRegistry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AuthzPolicyTest {
  private static final MethodRegistry REGISTRY = MethodRegistry.opencue(List.of());

  private static final AuthzPolicy POLICY =
      AuthzPolicy.parse(
          """
          {"roles": {
             "viewer": ["read-only"],
             "wrangler": ["read-only", "job.JobInterface/Kill*", "show.*/*"],
             "admin": ["*/*"]}}
          """);

  @ParameterizedTest(name = "{0} calling {1} → {2}")
  @CsvSource({
    "viewer, job.JobInterface/GetJobs, true",
    "viewer, job.JobInterface/FindJob, true",
    "viewer, cue.CueInterface/GetSystemStats, true",
    "viewer, job.JobInterface/Kill, false",
    "wrangler, job.JobInterface/Kill, true",
    "wrangler, job.JobInterface/Pause, false",
    "wrangler, show.ShowInterface/CreateShow, true",
    "wrangler, host.HostInterface/Lock, false",
    "admin, host.HostInterface/Lock, true",
  })
  void rolesAllowExactlyTheirRules(String role, String method, boolean allowed) {
    assertThat(POLICY.decide(principal(Map.of("role", role)), method(method)).allowed())
        .isEqualTo(allowed);
  }

  @Test
  void aRefusalNamesTheMethodTheRoleAndItsRules() {
    AuthzPolicy.Decision decision =
        POLICY.decide(principal(Map.of("role", "viewer")), method("job.JobInterface/Kill"));

    assertThat(decision.reason())
        .contains("job.JobInterface/Kill")
        .contains("role 'viewer'")
        .contains("read-only");
  }

  @Test
  void aTokenWithoutTheClaimIsRefusedNamingTheClaim() {
    AuthzPolicy.Decision decision =
        POLICY.decide(principal(Map.of()), method("job.JobInterface/GetJobs"));

    assertThat(decision.allowed()).isFalse();
    assertThat(decision.reason()).contains("no role claim");
  }

  @Test
  void anUnknownRoleIsRefusedNamingIt() {
    AuthzPolicy.Decision decision =
        POLICY.decide(principal(Map.of("role", "guest")), method("job.JobInterface/GetJobs"));

    assertThat(decision.allowed()).isFalse();
    assertThat(decision.reason()).contains("'guest'").contains("not in the policy");
  }

  @Test
  void aSpaceSeparatedScopeClaimGrantsTheUnionOfItsValues() {
    AuthzPolicy policy =
        AuthzPolicy.parse(
            """
            {"claim": "scope", "roles": {"jobs:read": ["job.*/Get*"], "hosts:write": ["host.*/*"]}}
            """);
    Principal caller = principal(Map.of("scope", "openid jobs:read hosts:write"));

    assertThat(policy.decide(caller, method("job.JobInterface/GetJobs")).allowed()).isTrue();
    assertThat(policy.decide(caller, method("host.HostInterface/Lock")).allowed()).isTrue();
    assertThat(policy.decide(caller, method("job.JobInterface/Kill")).allowed()).isFalse();
  }

  @Test
  void anArrayClaimGrantsTheUnionOfItsValues() {
    Principal caller = principal(Map.of("role", List.of("viewer", "wrangler")));

    assertThat(POLICY.decide(caller, method("job.JobInterface/Kill")).allowed()).isTrue();
  }

  @Test
  void defaultRulesApplyToTokensWithoutAListedRole() {
    AuthzPolicy policy =
        AuthzPolicy.parse("{\"roles\": {\"admin\": [\"*/*\"]}, \"default\": [\"read-only\"]}");

    assertThat(policy.decide(principal(Map.of()), method("job.JobInterface/GetJobs")).allowed())
        .isTrue();
    AuthzPolicy.Decision kill = policy.decide(principal(Map.of()), method("job.JobInterface/Kill"));
    assertThat(kill.allowed()).isFalse();
    assertThat(kill.reason()).contains("default rules");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "[]| expected a JSON object",
        "{\"roles\": []}| \"roles\"",
        "{\"roles\": {\"viewer\": \"read-only\"}}| \"roles.viewer\"",
        "{\"roles\": {\"viewer\": [\"GetJobs\"]}}| \"roles.viewer[0]\"",
        "{\"roles\": {\"viewer\": [\"job.JobInterface/Get(\"]}}| \"roles.viewer[0]\"",
        "{\"roles\": {}, \"rules\": {}}| unknown key \"rules\"",
        "{\"roles\": {}, \"claim\": 3}| \"claim\"",
        "{not json| not valid JSON",
      })
  void badPoliciesAreRefusedNamingTheProblem(String json, String message) {
    assertThatThrownBy(() -> AuthzPolicy.parse(json))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message.strip());
  }

  private static Principal principal(Map<String, Object> claims) {
    return new Principal("someone", claims);
  }

  private static ApiMethod method(String fullName) {
    int slash = fullName.indexOf('/');
    return REGISTRY
        .resolve(fullName.substring(0, slash), fullName.substring(slash + 1))
        .orElseThrow(() -> new IllegalArgumentException("no such method " + fullName));
  }
}
