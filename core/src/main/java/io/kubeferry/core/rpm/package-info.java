/**
 * RPM version semantics shared by the bundler (dependency solving) and the installer (choosing the newest package):
 * a port of rpm's {@code rpmvercmp} and the {@code [epoch:]version[-release]} value it orders.
 */
package io.kubeferry.core.rpm;
