/** Test support for the installer: a small, really signed bundle built with rpmbuild, rpmsign and createrepo_c. */
package io.kubeferry.lab.installer;
