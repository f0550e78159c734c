/** What the tokens say: the API audience, the trainer's id, name, email and roles. */
package com.apexshare.identity.token;
