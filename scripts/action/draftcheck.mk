# draftcheck for a martinthomson/i-d-template repository: add these lines to the
# repository's Makefile, after its `include $(LIBDIR)/main.mk`. `make draftcheck` builds each
# draft's XML (i-d-template's own rules) and judges its PF_KEY and Traffic Selector
# statements; the target fails when a status in DRAFTCHECK_FAIL_ON occurs.
DRAFTCHECK ?= draftcheck
DRAFTCHECK_FAIL_ON ?= contradicted,failed,errored
DRAFTCHECK_FORMAT ?= text
.PHONY: draftcheck
draftcheck: $(addsuffix .xml,$(drafts))
	$(DRAFTCHECK) check $^ --format $(DRAFTCHECK_FORMAT) --fail-on $(DRAFTCHECK_FAIL_ON)
