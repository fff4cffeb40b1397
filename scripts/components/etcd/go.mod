module kubeferry.local/etcd

go 1.16

// etcd v3.5.1, kubeadm 1.23's default; the etcd modules' own go.mod files point at each other with
// relative replace directives, which a dependency's go.mod cannot use, so every sibling is pinned here.
require (
	go.etcd.io/etcd/api/v3 v3.5.1
	go.etcd.io/etcd/client/pkg/v3 v3.5.1
	go.etcd.io/etcd/client/v2 v2.305.1
	go.etcd.io/etcd/client/v3 v3.5.1
	go.etcd.io/etcd/etcdctl/v3 v3.5.1
	go.etcd.io/etcd/etcdutl/v3 v3.5.1
	go.etcd.io/etcd/pkg/v3 v3.5.1
	go.etcd.io/etcd/raft/v3 v3.5.1
	go.etcd.io/etcd/server/v3 v3.5.1
)
