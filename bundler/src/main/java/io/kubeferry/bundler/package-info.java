/** kubeferry bundler module. */
package io.kubeferry.bundler;
