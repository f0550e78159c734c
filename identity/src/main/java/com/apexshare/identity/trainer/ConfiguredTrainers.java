package com.apexshare.identity.trainer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;

import com.apexshare.identity.IdentityProperties;

/** The trainers of {@code apexshare.identity.users}, held in memory with hashed passwords. */
final class ConfiguredTrainers implements Trainers, UserDetailsService {

    /** A value such as {@code {bcrypt}$2a$…}: already encoded, kept as given. */
    private static final Pattern ENCODED = Pattern.compile("^\\{[a-z0-9]+}.+");

    private final Map<String, Trainer> trainers = new LinkedHashMap<>();
    private final Map<String, UserDetails> accounts = new LinkedHashMap<>();

    ConfiguredTrainers(List<IdentityProperties.User> users, PasswordEncoder passwords) {
        for (IdentityProperties.User user : users) {
            if (trainers.containsKey(user.username())) {
                throw new IllegalArgumentException("apexshare.identity.users: " + user.username() + " appears twice");
            }
            trainers.put(user.username(), new Trainer(user.username(), user.name(), user.email(), user.roles()));
            String hash = ENCODED.matcher(user.password()).matches() ? user.password()
                    : passwords.encode(user.password());
            accounts.put(user.username(), User.withUsername(user.username()).password(hash)
                    .roles(user.roles().stream().map(r -> r.toUpperCase(java.util.Locale.ROOT)).toArray(String[]::new))
                    .build());
        }
    }

    @Override
    public Optional<Trainer> find(String id) {
        return Optional.ofNullable(trainers.get(id));
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        UserDetails account = accounts.get(username);
        if (account == null) {
            throw new UsernameNotFoundException("No such trainer");
        }
        // A copy: Spring Security erases the credentials of what it authenticated.
        return User.withUserDetails(account).build();
    }
}
