/**
 * What every command shares: the output streams, the environment, whether stderr is a terminal, the retry policy,
 * where state is kept, and the {@code --api-url}/{@code --token} options.
 */
package com.apexshare.cli.console;
