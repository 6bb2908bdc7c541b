#pragma once

#include "devices/ProvisioningRenderer.h"

namespace centrale {

// Snom D7xx: an XML settings file with a <functionKeys> section. Function key values from Snom's
// documentation: "blf <sip uri>", "speed <number>", "none"; fkey idx counts from 0.
class SnomRenderer final : public ProvisioningRenderer {
public:
    QString vendor() const override { return QStringLiteral("snom"); }
    bool handlesModel(const QString &model) const override;
    QString fileName(const QString &mac) const override; // 000413AABBCC.xml
    QByteArray render(const ProvisioningInput &input) const override;

    // Text for an XML attribute or element: & < > " ' escaped, on one line.
    static QString xmlEscaped(const QString &text);
};

} // namespace centrale
