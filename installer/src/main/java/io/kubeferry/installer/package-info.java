/** kubeferry installer module. */
package io.kubeferry.installer;
