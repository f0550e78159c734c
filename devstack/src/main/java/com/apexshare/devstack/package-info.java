/**
 * Real servers for tests and for the local run, without Docker: each starts in-process on free loopback ports (or
 * fixed ones for the local run), and {@link com.apexshare.devstack.DevStack} starts each at most once per JVM.
 */
package com.apexshare.devstack;
