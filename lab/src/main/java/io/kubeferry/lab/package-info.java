/** kubeferry lab module. */
package io.kubeferry.lab;
