#include "devices/RendererRegistry.h"

#include "devices/SnomRenderer.h"
#include "devices/YealinkRenderer.h"

#include <QStringList>

namespace centrale {

std::unique_ptr<RendererRegistry> RendererRegistry::withKnownVendors()
{
    auto registry = std::make_unique<RendererRegistry>();
    registry->add(std::make_unique<YealinkRenderer>());
    registry->add(std::make_unique<SnomRenderer>());
    return registry;
}

void RendererRegistry::add(std::unique_ptr<ProvisioningRenderer> renderer)
{
    m_renderers.push_back(std::move(renderer));
}

const ProvisioningRenderer *RendererRegistry::forModel(const QString &model) const
{
    for (const auto &r : m_renderers) {
        if (r->handlesModel(model))
            return r.get();
    }
    return nullptr;
}

QStringList RendererRegistry::vendors() const
{
    QStringList out;
    for (const auto &r : m_renderers)
        out << r->vendor();
    return out;
}

} // namespace centrale
