# shellcheck shell=bash disable=SC2154  # sourced by ../build, which sets view and the expect_* helpers
# Smoke check of the published Kubernetes binaries (not part of the cache key).
recipe_check() {
  local c
  expect_static kubeadm kubelet kubectl kube-apiserver kube-controller-manager kube-scheduler kube-proxy
  expect_output kubeadm v1.23.1 kubeadm version -o short
  [ "$(PATH=$view/bin:$PATH kubeadm version -o short 2>&1)" = v1.23.1 ] || fail kubeadm "version -o short is not exactly v1.23.1"
  # Built with Go 1.19: Go >= 1.2x rejects the https://[10.96.0.1]:1234/ kubeadm's HTTPProxyCIDR
  # preflight check builds (measured with Go 1.26: "invalid IP-literal").
  expect_output kubeadm 'goVersion: go1.19.' kubeadm version -o yaml
  expect_output kubectl 'GitVersion:"v1.23.1", GitCommit:"86ec240af8cbd1b60bcc4c03c20da9b98005b92e"' kubectl version --client
  for c in kubelet kube-apiserver kube-controller-manager kube-scheduler kube-proxy; do
    expect_output "$c" "Kubernetes v1.23.1" "$c" --version
  done
  local images want
  images=$(PATH=$view/bin:$PATH kubeadm config images list --kubernetes-version v1.23.1 2>&1) ||
    { fail kubeadm "config images list failed: $(echo "$images" | head -n 1)"; return; }
  for want in k8s.gcr.io/kube-apiserver:v1.23.1 k8s.gcr.io/kube-controller-manager:v1.23.1 \
    k8s.gcr.io/kube-scheduler:v1.23.1 k8s.gcr.io/kube-proxy:v1.23.1 k8s.gcr.io/pause:3.6 \
    k8s.gcr.io/etcd:3.5.1-0 k8s.gcr.io/coredns/coredns:v1.8.6; do
    grep -qx "$want" <<<"$images" || fail kubeadm "config images list lacks $want"
  done
}
