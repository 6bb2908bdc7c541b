#pragma once

#include "devices/ProvisioningRenderer.h"

#include <memory>
#include <vector>

namespace centrale {

// The provisioning renderers Centrale knows, chosen by a phone's model. Adding a vendor is one
// renderer file and one line in withKnownVendors().
class RendererRegistry final {
    Q_DISABLE_COPY_MOVE(RendererRegistry)
public:
    RendererRegistry() = default;
    // Yealink and Snom.
    static std::unique_ptr<RendererRegistry> withKnownVendors();

    void add(std::unique_ptr<ProvisioningRenderer> renderer);
    // The renderer for the model, or nullptr when no vendor's renderer handles it.
    const ProvisioningRenderer *forModel(const QString &model) const;
    QStringList vendors() const;

private:
    std::vector<std::unique_ptr<ProvisioningRenderer>> m_renderers;
};

} // namespace centrale
