/** The trainers who may sign in, from configuration, with their passwords kept only as bcrypt hashes. */
package com.apexshare.identity.trainer;
