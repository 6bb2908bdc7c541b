#pragma once

#include <QString>

namespace centrale::server {

// What one attempt at sending a message gave. reasonCode is the contract's (smtp-error,
// gateway-error, rejected, invalid-address, ...); detail is the server's or the library's own
// words, shown to the administrator after the translated sentence.
struct DeliveryOutcome {
    enum class Kind { Sent, Retry, Failed };
    Kind kind = Kind::Sent;
    QString reasonCode;
    QString detail;

    static DeliveryOutcome sent() { return {}; }
    static DeliveryOutcome retry(const QString &code, const QString &detail) { return {Kind::Retry, code, detail}; }
    static DeliveryOutcome failed(const QString &code, const QString &detail) { return {Kind::Failed, code, detail}; }
};

} // namespace centrale::server
