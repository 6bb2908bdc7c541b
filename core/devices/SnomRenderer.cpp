#include "devices/SnomRenderer.h"

namespace centrale {

bool SnomRenderer::handlesModel(const QString &model) const
{
    return model.startsWith(QLatin1String("Snom "));
}

QString SnomRenderer::fileName(const QString &mac) const
{
    return mac.toUpper() + QStringLiteral(".xml");
}

QString SnomRenderer::xmlEscaped(const QString &text)
{
    QString out;
    const QString line = singleLine(text);
    out.reserve(line.size());
    for (const QChar c : line) {
        switch (c.unicode()) {
        case '&': out += QStringLiteral("&amp;"); break;
        case '<': out += QStringLiteral("&lt;"); break;
        case '>': out += QStringLiteral("&gt;"); break;
        case '"': out += QStringLiteral("&quot;"); break;
        case '\'': out += QStringLiteral("&apos;"); break;
        default: out += c;
        }
    }
    return out;
}

QByteArray SnomRenderer::render(const ProvisioningInput &input) const
{
    QString out = QStringLiteral("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    out += QStringLiteral("<!-- %1 %2 -->\n").arg(xmlEscaped(input.model).replace(QLatin1String("--"), QLatin1String("- -")), input.mac);
    out += QStringLiteral("<settings>\n  <functionKeys>\n");
    for (const ProvisionedKey &k : input.keys) {
        QString value;
        switch (k.kind) {
        case ProvisionedKey::Kind::None: value = QStringLiteral("none"); break;
        case ProvisionedKey::Kind::Blf: value = QStringLiteral("blf sip:") + k.value; break;
        case ProvisionedKey::Kind::SpeedDial: value = QStringLiteral("speed ") + k.value; break;
        }
        const QString label = k.kind == ProvisionedKey::Kind::None ? QString() : k.label;
        out += QStringLiteral("    <fkey idx=\"%1\" context=\"active\" label=\"%2\" perm=\"\">%3</fkey>\n")
                   .arg(QString::number(k.index - 1), xmlEscaped(label), xmlEscaped(value));
    }
    out += QStringLiteral("  </functionKeys>\n</settings>\n");
    return out.toUtf8();
}

} // namespace centrale
