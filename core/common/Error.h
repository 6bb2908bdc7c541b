#pragma once

#include <QString>

namespace centrale {

// What went wrong, for code (the code) and for people (the translated message, saying what to fix).
enum class ErrorCode {
    Invalid,       // a value does not satisfy the domain rules
    NotFound,      // no record with that key
    Duplicate,     // a unique key is already taken
    InUse,         // the record is still referenced and cannot be removed
    Conflict,      // the record changed since it was read
    Storage,       // the database failed
    Io,            // a file could not be read or written
    Network,       // the server could not be reached, timed out or was unavailable
    Denied,        // the server refused: not logged in, session expired, not allowed
    Cancelled,     // the user stopped it; what was done is kept
};

struct Error {
    ErrorCode code = ErrorCode::Invalid;
    QString message; // translated, user-facing
    QString field;   // the field at fault, when there is one

    static Error invalid(QString message, QString field = {})
    {
        return {ErrorCode::Invalid, std::move(message), std::move(field)};
    }
};

} // namespace centrale
