#pragma once

#include "domain/Organisation.h"
#include "store/Database.h"

namespace centrale {

// The store's organisation: a store holds exactly one.
class OrganisationRepository final {
    Q_DECLARE_TR_FUNCTIONS(OrganisationRepository)
public:
    explicit OrganisationRepository(Database &db) : m_db(db) {}

    Result<Organisation> current();
    Result<Organisation> create(Organisation org);
    Status update(Organisation org);

private:
    Database &m_db;
};

} // namespace centrale
