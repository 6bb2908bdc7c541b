#include "devices/YealinkRenderer.h"

namespace centrale {

bool YealinkRenderer::handlesModel(const QString &model) const
{
    return model.startsWith(QLatin1String("Yealink "));
}

QString YealinkRenderer::fileName(const QString &mac) const
{
    return mac.toLower() + QStringLiteral(".cfg");
}

QByteArray YealinkRenderer::render(const ProvisioningInput &input) const
{
    // A value runs to the end of its line: a line break in a label would start a new setting (or a
    // "#" comment), so every value is put on one line.
    QString out = QStringLiteral("#!version:1.0.0.1\n");
    out += QStringLiteral("## %1 %2\n").arg(singleLine(input.model), input.mac);
    for (const ProvisionedKey &k : input.keys) {
        int type = TypeNone;
        switch (k.kind) {
        case ProvisionedKey::Kind::None: type = TypeNone; break;
        case ProvisionedKey::Kind::Blf: type = TypeBlf; break;
        case ProvisionedKey::Kind::SpeedDial: type = TypeSpeedDial; break;
        }
        const bool empty = k.kind == ProvisionedKey::Kind::None;
        const QString prefix = QStringLiteral("linekey.%1.").arg(k.index);
        out += prefix + QStringLiteral("type = %1\n").arg(type);
        out += prefix + QStringLiteral("value = ") + (empty ? QString() : singleLine(k.value)) + QLatin1Char('\n');
        out += prefix + QStringLiteral("label = ") + (empty ? QString() : singleLine(k.label)) + QLatin1Char('\n');
        out += prefix + QStringLiteral("line = 1\n");
    }
    return out.toUtf8();
}

} // namespace centrale
