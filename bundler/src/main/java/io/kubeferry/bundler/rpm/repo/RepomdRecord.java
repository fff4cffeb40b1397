package io.kubeferry.bundler.rpm.repo;

import io.kubeferry.core.Digest;

/** One {@code <data>} entry of repomd.xml: a compressed metadata file with its digests and sizes. */
public record RepomdRecord(
    String type, Digest checksum, Digest openChecksum, String href, long timestamp, long size, long openSize) {}
