package dev.quarry.it.bulk;

import dev.quarry.annotations.Insert;
import dev.quarry.annotations.InsertStrategy;
import dev.quarry.annotations.Repository;
import java.util.List;

@Repository
public interface TicketRepository {
    @Insert(chunkSize = 1000, returning = "id")
    List<Long> insertReturningIds(List<Ticket> tickets);

    /** By component name: subject is column title. */
    @Insert(strategy = InsertStrategy.UNNEST, chunkSize = 700, returning = {"id", "subject"})
    List<Ticket> insertReturningRows(Iterable<Ticket> tickets);

    @Insert(chunkSize = 1000, returning = {"id", "title"})
    List<Ticket.Created> create(List<Ticket.New> tickets);

    @Insert(returning = {"id", "title"})
    List<Ticket.Created> createOne(Ticket.New ticket);
}
