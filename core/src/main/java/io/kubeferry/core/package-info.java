/** kubeferry core module. */
package io.kubeferry.core;
