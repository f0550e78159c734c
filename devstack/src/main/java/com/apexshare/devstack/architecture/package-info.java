/**
 * The architecture every service keeps, as ArchUnit rules that each service's {@code ArchitectureTest} checks
 * against its own main classes: one set of rules, so the four services stay laid out alike.
 */
package com.apexshare.devstack.architecture;
