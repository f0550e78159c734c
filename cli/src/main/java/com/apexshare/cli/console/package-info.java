/**
 * What every command shares: the output streams, the environment, whether stderr is a terminal, the retry policy,
 * where state and the sign-in are kept, the machine's browser, and the exit codes.
 */
package com.apexshare.cli.console;
