"""Units: PDF points (1/72 inch) everywhere inside; millimetres where editors and printers
speak them."""
MM = 72 / 25.4      # points per millimetre
