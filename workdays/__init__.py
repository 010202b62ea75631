"""China's working-day calendar: statutory holidays, 调休 make-up days, yearly 放假安排."""
