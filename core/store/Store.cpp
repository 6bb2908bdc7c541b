#include "store/Store.h"

namespace centrale {

Store::Store()
    : organisation(m_db), groups(m_db), users(m_db, {}), numbers(m_db), contacts(m_db), prompts(m_db), functions(m_db),
      phones(m_db), templates(m_db), outbox(m_db)
{
}

Status Store::open(const QString &path)
{
    if (Status s = m_db.open(path); !s)
        return s;
    refreshOrganisation();
    return {};
}

void Store::refreshOrganisation()
{
    if (auto org = organisation.current(); org)
        users.setOrganisationDomain(org->domain);
}

} // namespace centrale
