#pragma once

#include "devices/ProvisioningRenderer.h"

namespace centrale {

// Yealink T5x/T4x: a MAC-oriented .cfg file ("key = value" lines) with one block of line-key
// settings per key. Type codes from Yealink's administrator guide: 0 N/A, 13 speed dial, 16 BLF.
class YealinkRenderer final : public ProvisioningRenderer {
public:
    static constexpr int TypeNone = 0;
    static constexpr int TypeSpeedDial = 13;
    static constexpr int TypeBlf = 16;

    QString vendor() const override { return QStringLiteral("yealink"); }
    bool handlesModel(const QString &model) const override;
    QString fileName(const QString &mac) const override; // 001565aabbcc.cfg
    QByteArray render(const ProvisioningInput &input) const override;
};

} // namespace centrale
