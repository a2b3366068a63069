#pragma once

namespace nuki {

// Where a bridge's token is kept: the keychain (the rule), only while the app runs, or a
// token file of the person's choosing (when no keychain answers; see SecretStore).
enum class TokenStorage
{
    Keychain,
    RunOnly,
    File
};

} // namespace nuki
