package io.kubeferry.installer.ssh;

import io.kubeferry.core.Digest;

/**
 * An upload that ended with the remote file's sha256 equal to the local one. {@code skipped}: the file was already
 * there; {@code resumedFrom}: bytes kept from an earlier interrupted upload; {@code sent}: bytes sent this time.
 */
public record UploadResult(String host, String remotePath, Digest digest, long size, boolean skipped,
    long resumedFrom, long sent) {}
