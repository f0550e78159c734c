/**
 * The whole system on one machine: the devstack servers with persistent data, S3 event notifications for the local
 * store, and as child processes the identity provider, the four services and the gateway in front of them, all on
 * loopback. Entry point: {@link com.apexshare.devstack.local.LocalRun}.
 */
package com.apexshare.devstack.local;
