package io.kubeferry.bundler.rpm.repo;

import io.kubeferry.core.Digest;
import io.kubeferry.core.Nevra;

/** A package listed in written repodata: identity, location relative to the repo root, file sha256. */
public record PackageRef(Nevra nevra, String href, Digest sha256) {}
