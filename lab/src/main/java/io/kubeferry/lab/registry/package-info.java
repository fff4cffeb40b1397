/**
 * The lab upstream's image registries: real {@code docker-registry} processes on loopback standing in for
 * k8s.gcr.io / registry.k8s.io and docker.io, and the fixture images a Kubernetes 1.23.1 bundle needs.
 *
 * <ul>
 *   <li>{@link io.kubeferry.lab.registry.LabRegistry} — one registry in {@link io.kubeferry.lab.registry.Mode}s
 *       ANONYMOUS, BASIC (htpasswd), TOKEN (docker.io bearer flow, ES256 JWT with {@code x5c}) and/or REDIRECT (blob
 *       GETs 307/302 to another host:port that refuses {@code Authorization}), always behind a
 *       {@link io.kubeferry.lab.registry.LabFront} that counts requests per
 *       {@link io.kubeferry.lab.registry.RequestKind} and injects {@link io.kubeferry.lab.registry.FaultRule}s.</li>
 *   <li>{@link io.kubeferry.lab.registry.LabImages} — the fixture set (built with jib-core, cached, deterministic),
 *       {@code pushAll}, {@code repush} (lock drift), {@code withFiller} (benchmark scale).</li>
 *   <li>{@link io.kubeferry.lab.registry.LabUpstream} — both stand-ins with the set pushed, and the
 *       host → lab URI mirror mapping.</li>
 *   <li>{@link io.kubeferry.lab.registry.RegistryLabMain} — {@code scripts/lab registry}.</li>
 * </ul>
 */
package io.kubeferry.lab.registry;
