#include "SmsText.h"

namespace centrale::server {

namespace {
// GSM 03.38 default alphabet (the escape 0x1B left out) and its extension table.
const QString &basicSet()
{
    static const QString set = QString::fromUtf8("@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
                                                 "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà");
    return set;
}
const QString &extensionSet()
{
    static const QString set = QString::fromUtf8("\f^{}\\[~]|€");
    return set;
}
int septets(QChar c)
{
    if (basicSet().contains(c))
        return 1;
    if (extensionSet().contains(c))
        return 2;
    return -1;
}
} // namespace

bool SmsText::isGsm7(const QString &text)
{
    for (QChar c : text) {
        if (septets(c) < 0)
            return false;
    }
    return true;
}

int SmsText::length(const QString &text, Encoding encoding)
{
    if (encoding == Encoding::Ucs2)
        return static_cast<int>(text.size());
    int n = 0;
    for (QChar c : text)
        n += std::max(1, septets(c));
    return n;
}

QString SmsText::encodingName(Encoding encoding)
{
    return encoding == Encoding::Gsm7 ? QStringLiteral("gsm7") : QStringLiteral("ucs2");
}

SmsText SmsText::split(const QString &text)
{
    SmsText sms;
    sms.encoding = isGsm7(text) ? Encoding::Gsm7 : Encoding::Ucs2;
    const bool gsm = sms.encoding == Encoding::Gsm7;
    const int single = gsm ? 160 : 70;
    const int perPart = gsm ? 153 : 67;
    if (length(text, sms.encoding) <= single) {
        sms.parts << text;
        return sms;
    }
    QString part;
    int used = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        int cost = gsm ? septets(c) : 1;
        // A surrogate pair (an emoji) travels whole, in one part.
        const bool pair = !gsm && c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate();
        if (pair)
            cost = 2;
        if (used + cost > perPart) {
            sms.parts << part;
            part.clear();
            used = 0;
        }
        part += c;
        if (pair)
            part += text.at(++i);
        used += cost;
    }
    if (!part.isEmpty())
        sms.parts << part;
    return sms;
}

} // namespace centrale::server
