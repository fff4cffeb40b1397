/**
 * OpenPGP signing and verification with BouncyCastle, restricted to what GnuPG 2.2 accepts: v4 keys, legacy EdDSA
 * (algorithm 22) or RSA-4096, SHA-256 signatures, detached and ASCII-armored. See docs/libraries.md, "Signing".
 */
package io.kubeferry.core.sign;
