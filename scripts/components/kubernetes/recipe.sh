# shellcheck shell=bash disable=SC2034,SC2154  # sourced by ../build, which sets dest, work, recipe_dir
# Kubernetes v1.23.1: kubeadm, kubelet, kubectl and the control-plane binaries, from the published
# k8s.io/kubernetes module. That module cannot be `go install`ed (its go.mod replaces the k8s.io/*
# staging modules with ./staging/src/..., which the module zip lacks), so the build makes a wrapper
# module in the work directory: kubernetes' own go.mod replace block with every staging replacement
# pointed at the published k8s.io/<name> v0.23.1, a local copy of the module (it needs one generated
# file, and `go build -overlay` refuses files inside the module cache), and a tools.go naming the
# commands. Nothing of upstream is committed; everything is generated from the module cache.
version=v1.23.1
toolchain=go1.19
staging_version=v0.23.1
git_commit=86ec240af8cbd1b60bcc4c03c20da9b98005b92e  # upstream's stamps of the v1.23.1 release
build_date=2021-12-16T11:34:54Z
commands=(kubeadm kubelet kubectl kube-apiserver kube-controller-manager kube-scheduler kube-proxy)

recipe_build() {
  local src dir p
  src=$(module_dir "k8s.io/kubernetes@$version")
  [ -f "$src/go.mod" ] || { echo "k8s.io/kubernetes@$version: no module directory" >&2; return 1; }
  cp -a "$src" kubernetes
  chmod -R u+w kubernetes

  # Wrapper module: kubernetes' replace block, staging directories -> published modules.
  {
    printf 'module kubeferry.local/kubernetes\n\ngo 1.16\n\nrequire k8s.io/kubernetes %s\n\n' "$version"
    printf 'replace k8s.io/kubernetes => ./kubernetes\n\n'
    awk -v sv="$staging_version" '
      /^replace \(/ { r = 1; print; next }
      r && /^\)/ { print; r = 0; next }
      r && $2 == "=>" && $3 ~ /^\.\/staging\/src\// { printf "\t%s => %s %s\n", $1, $1, sv; n++; next }
      r { print }
      END { if (n < 20) { print "expected the staging replacements in the replace block, found " n > "/dev/stderr"; exit 1 } }
    ' "$src/go.mod"
  } >go.mod
  cp "$src/go.sum" go.sum
  {
    printf '//go:build tools\n\npackage tools\n\nimport (\n'
    printf '\t_ "k8s.io/kube-openapi/cmd/openapi-gen"\n'
    for p in "${commands[@]}"; do printf '\t_ "k8s.io/kubernetes/cmd/%s"\n' "$p"; done
    printf ')\n'
  } >tools.go
  go mod tidy

  # pkg/generated/openapi/zz_generated.openapi.go, as kubernetes' build/root/Makefile.generated_files
  # makes it: openapi-gen at the kube-openapi version kubernetes pins, over every directory of
  # kubernetes and of its staging modules (minus code-generator and sample-apiserver) that has a
  # file with a `// +k8s:` comment tag and a `+k8s:openapi-gen=` tag.
  go build -trimpath -o bin/openapi-gen k8s.io/kube-openapi/cmd/openapi-gen
  tagged_dirs() { # module root, import path
    (cd "$1" && find -H . \( -name '_*' -o -name '.[^.]*' -o \( -name vendor -type d \) \) -prune \
      -o -type f -name '*.go' -print0 | { xargs -0 -r grep -lZ '^// *+k8s:' -- || true; } | { xargs -0 -r grep -l '+k8s:openapi-gen=' -- || true; } |
      sed 's|/[^/]*$||; s|^\./||; s|^\.$||' | sed "s|^|$2/|; s|/\$||")
  }
  {
    tagged_dirs kubernetes k8s.io/kubernetes
    go list -m -f '{{.Path}} {{.Dir}}' all | while read -r p dir; do
      case $p in k8s.io/code-generator | k8s.io/sample-apiserver) continue ;; esac
      grep -q "^[[:space:]]$p => \./staging/src/" "$src/go.mod" || continue
      [ -n "$dir" ] || continue
      tagged_dirs "$dir" "$p"
    done
  } | LC_ALL=C sort -u >openapi-dirs.txt
  echo "openapi-gen input: $(wc -l <openapi-dirs.txt) packages"
  ./bin/openapi-gen --logtostderr \
    -i "$(paste -sd, openapi-dirs.txt)" \
    -p k8s.io/kubernetes/pkg/generated/openapi -O zz_generated.openapi \
    -h "$(module_dir "k8s.io/code-generator@$staging_version")/hack/boilerplate.go.txt" \
    -o openapi-out -r openapi-violations.report
  # The API rule violations must be exactly upstream's known list: proof that the inputs match.
  diff -u kubernetes/api/api-rules/violation_exceptions.list openapi-violations.report
  cp openapi-out/k8s.io/kubernetes/pkg/generated/openapi/zz_generated.openapi.go kubernetes/pkg/generated/openapi/

  # Version stamps (hack/lib/version.sh stamps both packages) and upstream's default -s -w.
  local ldflags="-s -w"
  for p in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
    ldflags+=" -X $p.gitVersion=$version -X $p.gitMajor=1 -X $p.gitMinor=23 -X $p.gitCommit=$git_commit"
    ldflags+=" -X $p.gitTreeState=clean -X $p.buildDate=$build_date"
  done
  local pkgs=()
  for p in "${commands[@]}"; do pkgs+=("k8s.io/kubernetes/cmd/$p"); done
  CGO_ENABLED=0 go build -trimpath -ldflags "$ldflags" -o "$dest/bin/" "${pkgs[@]}"
  for p in "${commands[@]}"; do emit "$p" "$version" "k8s.io/kubernetes@$version"; done
}
