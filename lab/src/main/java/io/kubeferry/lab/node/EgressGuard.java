package io.kubeferry.lab.node;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Network;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The lab's egress guard: rules at the top of the Docker host's {@code DOCKER-USER} chain (which dockerd jumps to
 * first from {@code FORWARD}) that reject every packet a lab network would send anywhere but into itself. Two rules
 * per lab network, tagged with a comment naming it:
 *
 * <pre>
 * -s SUBNET ! -d SUBNET -m comment --comment kubeferry-lab-guard:NETWORK -j REJECT --reject-with icmp-admin-prohibited
 * -i BRIDGE ! -o BRIDGE -m comment --comment kubeferry-lab-guard:NETWORK -j REJECT --reject-with icmp-admin-prohibited
 * </pre>
 *
 * The first catches whatever a node sends from its lab address, including what it masquerades. The second catches
 * anything else that enters from the lab's bridge and would be routed elsewhere, whatever its source: a pod address
 * (10.244.0.0/16) before a CNI masquerades it, a service address (10.96.0.0/12) before kube-proxy translates it.
 * Traffic between nodes stays on the bridge; traffic to the Docker host itself (the gateway, where the lab's
 * registries and yum servers listen) goes through INPUT, not FORWARD: neither is touched. The network is also
 * Docker-{@code internal}; the guard holds even if that changes. Never tested by sending a packet outside.
 */
final class EgressGuard {
  static final String CHAIN = "DOCKER-USER";
  static final String TAG_PREFIX = "kubeferry-lab-guard:";

  private final Iptables iptables;
  private final String network;
  private final List<List<String>> rules;

  private EgressGuard(Iptables iptables, String network, List<List<String>> rules) {
    this.iptables = iptables;
    this.network = network;
    this.rules = rules;
  }

  /** The rule specifications (without chain) guarding one lab network. */
  static List<List<String>> rules(String network, String subnet, String bridge) {
    List<String> reject = List.of("-m", "comment", "--comment", TAG_PREFIX + network,
        "-j", "REJECT", "--reject-with", "icmp-admin-prohibited");
    List<String> bySource = new ArrayList<>(List.of("-s", subnet, "!", "-d", subnet));
    bySource.addAll(reject);
    List<String> byBridge = new ArrayList<>(List.of("-i", bridge, "!", "-o", bridge));
    byBridge.addAll(reject);
    return List.of(List.copyOf(bySource), List.copyOf(byBridge));
  }

  /**
   * Inserts the rules at the top of {@code DOCKER-USER} and checks that they are there and lead the chain.
   *
   * @throws LabNodeException (one line) when that fails; whatever was inserted is removed again
   */
  static EgressGuard install(Iptables iptables, String network, String subnet, String bridge) {
    EgressGuard guard = new EgressGuard(iptables, network, rules(network, subnet, bridge));
    try {
      for (int i = guard.rules.size() - 1; i >= 0; i--) { // each goes to the top: the last first
        guard.require(guard.rules.get(i), List.of("-I", CHAIN, "1"));
      }
      for (List<String> rule : guard.rules) {
        guard.require(rule, List.of("-C", CHAIN));
      }
      List<String> listing = listing(iptables);
      if (!leadsChain(listing, network)) {
        throw new LabNodeException("could not install the egress guard of lab network " + network + ": its rules"
            + " are not first in " + CHAIN + " (" + String.join(" | ", listing) + "); no lab node was started");
      }
      return guard;
    } catch (LabNodeException e) {
      guard.remove();
      throw e;
    }
  }

  private void require(List<String> rule, List<String> prefix) {
    List<String> args = new ArrayList<>(prefix);
    args.addAll(rule);
    ExecResult result = iptables.run(args);
    if (!result.succeeded()) {
      String reason = result.output().strip().lines().findFirst().orElse("exit status " + result.exitCode());
      throw new LabNodeException("could not install the egress guard of lab network " + network + " ("
          + iptables + " " + String.join(" ", args) + "): " + reason + "; no lab node was started");
    }
  }

  /** The lab network this guard belongs to. */
  String network() {
    return network;
  }

  /** @return the rules, as given to {@code iptables -C DOCKER-USER} */
  List<List<String>> rules() {
    return rules;
  }

  /** Deletes the rules (every copy of them). Idempotent; never throws. */
  void remove() {
    for (List<String> rule : rules) {
      deleteAll(iptables, rule);
    }
  }

  private static void deleteAll(Iptables iptables, List<String> rule) {
    List<String> args = new ArrayList<>(List.of("-D", CHAIN));
    args.addAll(rule);
    for (int i = 0; i < 100 && iptables.run(args).succeeded(); i++) {
      // one copy deleted per call
    }
  }

  /** @return the chain as {@code iptables -S DOCKER-USER} prints it, rule lines only (an unreadable chain: none) */
  static List<String> listing(Iptables iptables) {
    ExecResult result = iptables.run(List.of("-S", CHAIN));
    if (!result.succeeded()) {
      return List.of();
    }
    return result.stdout().lines().filter(line -> line.startsWith("-A ")).toList();
  }

  /**
   * True when the listing holds the guard of {@code network} and no rule other than a lab guard comes before any of
   * its rules (guards of several labs may lead the chain together).
   */
  static boolean leadsChain(List<String> listing, String network) {
    int leading = 0;
    while (leading < listing.size() && tagOf(listing.get(leading)) != null) {
      leading++;
    }
    long ours = listing.stream().filter(line -> network.equals(tagOf(line))).count();
    long oursLeading = listing.subList(0, leading).stream().filter(line -> network.equals(tagOf(line))).count();
    return ours > 0 && ours == oursLeading;
  }

  /** @return the network named by a listing line's guard comment, or null when the line is not a lab guard */
  static String tagOf(String line) {
    List<String> tokens = tokens(line);
    int i = tokens.indexOf("--comment");
    if (i < 0 || i + 1 >= tokens.size() || !tokens.get(i + 1).startsWith(TAG_PREFIX)) {
      return null;
    }
    return tokens.get(i + 1).substring(TAG_PREFIX.length());
  }

  /**
   * Deletes guard rules whose lab network no longer exists (the JVM that made it was killed before removing them).
   * The rules are read before the networks: a network always exists before its guard, so a guard read first whose
   * network is missing afterwards is stale, and the guard of a lab that starts meanwhile is never touched.
   *
   * @return how many rules were deleted
   */
  static int removeStale(Iptables iptables, DockerClient docker) {
    List<String> listing = listing(iptables);
    if (listing.stream().allMatch(line -> tagOf(line) == null)) {
      return 0;
    }
    Set<String> networks = docker.listNetworksCmd().exec().stream().map(Network::getName).collect(Collectors.toSet());
    int removed = 0;
    for (String line : listing) {
      String tag = tagOf(line);
      if (tag != null && !networks.contains(tag)) {
        List<String> args = new ArrayList<>(tokens(line));
        args.set(0, "-D");
        if (iptables.run(args).succeeded()) {
          removed++;
        }
      }
    }
    return removed;
  }

  /** Splits an {@code iptables -S} line into arguments: blanks separate, double quotes group (as iptables writes). */
  static List<String> tokens(String line) {
    List<String> tokens = new ArrayList<>();
    StringBuilder token = null;
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '\\' && i + 1 < line.length()) {
          token.append(line.charAt(++i));
        } else if (c == '"') {
          quoted = false;
        } else {
          token.append(c);
        }
      } else if (c == ' ') {
        if (token != null) {
          tokens.add(token.toString());
          token = null;
        }
      } else {
        token = token == null ? new StringBuilder() : token;
        if (c == '"') {
          quoted = true;
        } else {
          token.append(c);
        }
      }
    }
    if (token != null) {
      tokens.add(token.toString());
    }
    return tokens;
  }
}
