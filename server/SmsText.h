#pragma once

#include <QString>
#include <QStringList>

namespace centrale::server {

// How an SMS is encoded and cut: GSM 03.38 7-bit when every character is in the default alphabet
// or its extension table (which costs two septets: ^ { } \ [ ~ ] | €), else UCS-2. One message
// holds 160 septets or 70 UCS-2 units; a longer one is cut into parts of 153 or 67 (the rest is
// the concatenation header), never between the two halves of an escape or a surrogate pair.
struct SmsText {
    enum class Encoding { Gsm7, Ucs2 };

    Encoding encoding = Encoding::Gsm7;
    QStringList parts;

    static SmsText split(const QString &text);
    // Septets (GSM-7) or UTF-16 units (UCS-2) the text takes.
    static int length(const QString &text, Encoding encoding);
    static bool isGsm7(const QString &text);
    static QString encodingName(Encoding encoding); // gsm7, ucs2
};

} // namespace centrale::server
