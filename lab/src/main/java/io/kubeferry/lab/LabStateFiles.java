package io.kubeferry.lab;

import io.kubeferry.core.io.AtomicFiles;
import io.kubeferry.lab.node.LabNode;
import io.kubeferry.lab.node.LabNodes;
import io.kubeferry.lab.registry.LabRegistry;
import io.kubeferry.lab.registry.LabUpstream;
import io.kubeferry.lab.yum.LabYumRepos;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The files {@code lab up} leaves in its state directory: {@code lab.env} (shell-sourceable {@code KF_LAB_*}
 * variables: registry endpoints, mirror map, repo URLs and key, node addresses, SSH key, known_hosts), {@code
 * hosts.yaml} (an installer inventory for topology {@code single}: node1 control plane and etcd as root, the
 * others workers as the sudo user kube) and, last, the empty {@code ready} marker. Each written atomically.
 */
final class LabStateFiles {
  static final String ENV = "lab.env";
  static final String HOSTS = "hosts.yaml";
  static final String READY = "ready";
  /** A kubeferry home for the lab: its config maps the upstream registries and yum hosts onto the lab. */
  static final String HOME = "kubeferry-home";

  private LabStateFiles() {}

  static void write(Path dir, LabUpstream up, LabYumRepos yum, LabNodes nodes) throws IOException {
    LabKubeferryHome.write(dir.resolve(HOME), up, yum);
    write(dir, HOSTS, hostsYaml(nodes));
    write(dir, ENV, env(dir, up, yum, nodes));
    write(dir, READY, "");
  }

  static List<String> insecure(LabUpstream up) {
    List<String> insecure = new java.util.ArrayList<>(up.registries().stream().map(LabRegistry::endpoint).toList());
    for (LabRegistry r : up.registries()) {
      if (r.blobHostAuthority() != null) {
        insecure.add(r.blobHostAuthority());
      }
    }
    return insecure;
  }

  static String env(Path dir, LabUpstream up, LabYumRepos yum, LabNodes nodes) {
    LabRegistry k8s = up.k8sGcr();
    LabRegistry docker = up.dockerIo();
    List<String> insecure = insecure(up);
    Map<String, String> v = new LinkedHashMap<>();
    v.put("KF_LAB_STATE", dir.toString());
    v.put("KUBEFERRY_HOME", dir.resolve(HOME).toString());
    v.put("KF_LAB_K8S_REGISTRY", k8s.endpoint());
    v.put("KF_LAB_K8S_MODES", k8s.options().modes().toString());
    v.put("KF_LAB_K8S_CREDS", k8s.credentials().username() + ":" + k8s.credentials().password());
    v.put("KF_LAB_DOCKER_REGISTRY", docker.endpoint());
    v.put("KF_LAB_MIRROR_MAP", up.mirrors().keySet().stream()
        .map(host -> host + "=" + up.mirrors().get(host).getAuthority()).collect(Collectors.joining(" ")));
    v.put("KF_LAB_INSECURE_REGISTRIES", String.join(",", insecure));
    v.put("KF_LAB_REPO_KUBERNETES", yum.kubernetesUrl().toString());
    v.put("KF_LAB_REPO_DOCKER_CE", yum.dockerCeUrl().toString());
    v.put("KF_LAB_REPO_BASE", yum.baseUrl().toString());
    v.put("KF_LAB_REPO_GPG_KEY", yum.gpgPublicKey().path().toString());
    v.put("KF_LAB_REPO_GPG_FINGERPRINT", yum.gpgKey().fingerprint());
    v.put("KF_LAB_REPOS_DIR", yum.repos().root().toString());
    v.put("KF_LAB_NODE_NAMES", nodes.nodes().stream().map(LabNode::hostname).collect(Collectors.joining(" ")));
    v.put("KF_LAB_NODES", nodes.nodes().stream().map(LabNode::address).collect(Collectors.joining(" ")));
    v.put("KF_LAB_NODE_CONTAINERS", nodes.nodes().stream().map(LabNode::containerName)
        .collect(Collectors.joining(" ")));
    v.put("KF_LAB_SSH_KEY", nodes.clientKey().toString());
    v.put("KF_LAB_KNOWN_HOSTS", nodes.knownHosts().toString());
    v.put("KF_LAB_INVENTORY", dir.resolve(HOSTS).toString());
    StringBuilder s = new StringBuilder("# written by `scripts/lab up`; valid while it runs. Source it.\n");
    // exported: kubeferry itself reads KUBEFERRY_HOME from the environment of the shell that sources this
    v.forEach((k, val) -> s.append("export ").append(k).append('=').append(shellQuote(val)).append('\n'));
    return s.toString();
  }

  static String hostsYaml(LabNodes lab) {
    List<LabNode> n = lab.nodes();
    StringBuilder y = new StringBuilder("# written by `scripts/lab up`: the lab nodes as an installer inventory\n")
        .append("apiVersion: kubeferry.io/v1alpha1\nkind: Inventory\n")
        .append("defaults:\n  ssh: {user: kube, port: 22, key: ").append(yamlQuote(lab.clientKey().toString()))
        .append("}\n  sudo: true\nhosts:\n");
    for (int i = 0; i < n.size(); i++) {
      y.append("  - {name: ").append(n.get(i).hostname()).append(", address: ").append(n.get(i).address())
          .append(i == 0 ? ", ssh: {user: root}" : "").append("}\n");
    }
    String workers = n.stream().skip(1).map(LabNode::hostname).collect(Collectors.joining(", "));
    y.append("roles:\n  etcd: [").append(n.get(0).hostname()).append("]\n  control-plane: [")
        .append(n.get(0).hostname()).append("]\n  worker: [").append(workers.isEmpty() ? n.get(0).hostname() : workers)
        .append("]\ncluster: {podSubnet: 10.244.0.0/16, serviceSubnet: 10.96.0.0/12, cni: calico, firewalld: disable}\n");
    return y.toString();
  }

  /** POSIX single quotes: safe for any value. */
  static String shellQuote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }

  static String yamlQuote(String s) {
    return "'" + s.replace("'", "''") + "'";
  }

  private static void write(Path dir, String name, String content) throws IOException {
    AtomicFiles.writePrivate(dir.resolve(name), content.getBytes(StandardCharsets.UTF_8));
  }
}
